/**
 * Write routes (POST, PATCH, DELETE) declared like `addRoute`'s GET routes: the zod schemas parse
 * the path parameters and the JSON body, and document them in the OpenAPI document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { retryWhileBusy, SERVER_BUSY_RETRY, type BusyRetry } from '../../storage/busy.ts';
import type { RouteDoc } from '../route.ts';
import { parseRequest } from '../validation.ts';

/** Each app's policy for writes that find the database locked by another process. */
const busyPolicies = new WeakMap<FastifyInstance, BusyRetry>();

/** Sets how the app's write routes retry a busy database before answering 503. */
export function useBusyRetry(app: FastifyInstance, policy: BusyRetry): void {
  busyPolicies.set(app, policy);
}

export interface MutationSpec<B extends z.ZodType, P extends z.ZodType> extends RouteDoc {
  readonly method: 'post' | 'patch' | 'delete';
  readonly body?: B;
  readonly params?: P;
  /** Status of a success (201 for a creation, 204 for a deletion). */
  readonly status?: number;
  readonly handler: (input: {
    readonly body: z.output<B>;
    readonly params: z.output<P>;
    readonly request: FastifyRequest;
    readonly reply: FastifyReply;
  }) => Promise<unknown>;
}

/** Registers a write route whose body and path parameters are parsed with its zod schemas. */
export function addMutation<B extends z.ZodType, P extends z.ZodType>(
  app: FastifyInstance,
  docs: RouteDoc[],
  spec: MutationSpec<B, P>,
): void {
  docs.push(spec);
  app.route({
    method: spec.method.toUpperCase(),
    url: spec.path,
    handler: async (request, reply) => {
      const params = (
        spec.params === undefined ? {} : parseRequest(spec.params, request.params)
      ) as z.output<P>;
      const body = (spec.body === undefined ? {} : parseRequest(spec.body, request.body)) as z.output<B>;
      // A write is one transaction: when another process holds the lock, nothing was written and
      // the handler runs again after a pause; the last failure is a 503 with Retry-After.
      const result = await retryWhileBusy(
        `${spec.method.toUpperCase()} ${spec.path}`,
        busyPolicies.get(app) ?? SERVER_BUSY_RETRY,
        () => spec.handler({ body, params, request, reply }),
      );
      if (reply.sent) return reply;
      if (spec.status === 204) return reply.status(204).send();
      return reply.status(spec.status ?? 200).send(result);
    },
  });
}
