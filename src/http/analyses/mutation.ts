/**
 * Write routes (POST, PATCH, DELETE) declared like `addRoute`'s GET routes: the zod schemas parse
 * the path parameters and the JSON body, and document them in the OpenAPI document. Each declares
 * the role it needs (or `public`), checked before anything else: no write without a user.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Identity, Role } from '../../domain/people.ts';
import { retryWhileBusy, SERVER_BUSY_RETRY, type BusyRetry } from '../../storage/busy.ts';
import { requireRole } from '../../presentation/auth/authenticate.ts';
import type { RouteDoc } from '../route.ts';
import { parseRequest } from '../validation.ts';

/** Each app's policy for writes that find the database locked by another process. */
const busyPolicies = new WeakMap<FastifyInstance, BusyRetry>();

/** Sets how the app's write routes retry a busy database before answering 503. */
export function useBusyRetry(app: FastifyInstance, policy: BusyRetry): void {
  busyPolicies.set(app, policy);
}

interface MutationBase<B extends z.ZodType, P extends z.ZodType> extends RouteDoc {
  readonly method: 'post' | 'put' | 'patch' | 'delete';
  readonly body?: B;
  readonly params?: P;
  /** Status of a success (201 for a creation, 204 for a deletion). */
  readonly status?: number;
}

/** A write that needs a signed-in user with at least `role`; the handler gets that identity. */
interface RoleMutation<B extends z.ZodType, P extends z.ZodType> extends MutationBase<B, P> {
  readonly role: Role;
  /** What the 403 message calls the action ("setting a commitment's status"). */
  readonly action: string;
  readonly handler: (input: {
    readonly body: z.output<B>;
    readonly params: z.output<P>;
    readonly identity: Identity;
    readonly request: FastifyRequest;
    readonly reply: FastifyReply;
  }) => Promise<unknown>;
}

/** A write anyone may send (signing in): the handler checks what it needs itself. */
interface PublicMutation<B extends z.ZodType, P extends z.ZodType> extends MutationBase<B, P> {
  readonly role: 'public';
  readonly handler: (input: {
    readonly body: z.output<B>;
    readonly params: z.output<P>;
    readonly identity: Identity | null;
    readonly request: FastifyRequest;
    readonly reply: FastifyReply;
  }) => Promise<unknown>;
}

export type MutationSpec<B extends z.ZodType, P extends z.ZodType> =
  RoleMutation<B, P> | PublicMutation<B, P>;

/** Registers a write route whose body and path parameters are parsed with its zod schemas. */
export function addMutation<B extends z.ZodType, P extends z.ZodType>(
  app: FastifyInstance,
  docs: RouteDoc[],
  spec: MutationSpec<B, P>,
): void {
  docs.push({
    ...spec,
    description: [
      spec.description,
      spec.role === 'public'
        ? 'No sign-in needed.'
        : `Needs a signed-in user with the ${spec.role} role (a session cookie with the X-CSRF-Token header, or an API token of a scope that allows it).`,
    ]
      .filter(Boolean)
      .join(' '),
  });
  app.route({
    method: spec.method.toUpperCase(),
    url: spec.path,
    ...(spec.role === 'public' ? { config: { auth: 'public' as const } } : {}),
    handler: async (request, reply) => {
      // Who first: a stranger learns nothing about the record or the body's shape.
      const identity =
        spec.role === 'public' ? request.identity : requireRole(request, spec.role, spec.action);
      const params = (
        spec.params === undefined ? {} : parseRequest(spec.params, request.params)
      ) as z.output<P>;
      const body = (spec.body === undefined ? {} : parseRequest(spec.body, request.body)) as z.output<B>;
      // A write is one transaction: when another process holds the lock, nothing was written and
      // the handler runs again after a pause; the last failure is a 503 with Retry-After.
      const result = await retryWhileBusy(
        `${spec.method.toUpperCase()} ${spec.path}`,
        busyPolicies.get(app) ?? SERVER_BUSY_RETRY,
        () =>
          spec.role === 'public'
            ? spec.handler({ body, params, identity, request, reply })
            : spec.handler({ body, params, identity: identity as Identity, request, reply }),
      );
      if (reply.sent) return reply;
      if (spec.status === 204) return reply.status(204).send();
      return reply.status(spec.status ?? 200).send(result);
    },
  });
}
