/**
 * Declares API routes once: the zod schemas validate the request AND produce the OpenAPI
 * document, so the two cannot drift apart.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalidInput } from '../domain/errors.ts';
import { parseRequest } from './validation.ts';

export type { ApiContext } from '../presentation/context.ts';

/** A route as the OpenAPI generator sees it. */
export interface RouteDoc {
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  readonly response: z.ZodType;
  /** Lists also answer as CSV or JSON downloads. */
  readonly downloadable?: boolean;
  /** HTTP method (default get) and JSON request body, for writes (see http/analyses/mutation.ts). */
  readonly method?: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly body?: z.ZodType;
}

export interface RouteSpec<Q extends z.ZodType, P extends z.ZodType> extends RouteDoc {
  readonly query?: Q;
  readonly params?: P;
  readonly handler: (input: {
    readonly query: z.output<Q>;
    readonly params: z.output<P>;
    readonly request: FastifyRequest;
    readonly reply: FastifyReply;
  }) => Promise<unknown>;
}

/**
 * A repeated query parameter (`country=ML&country=TN`) arrives as a list: where the schema takes one
 * value, say so instead of a misleading "must be a code" (lists such as `type` accept repetition).
 */
export function refuseRepeated(schema: z.ZodType | undefined, query: unknown): void {
  if (!(schema instanceof z.ZodObject) || typeof query !== 'object' || query === null) return;
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(query)) {
    if (!Array.isArray(value)) continue;
    const field = shape[key];
    if (field !== undefined && !field.safeParse(value).success) {
      throw invalidInput(key, 'give one value (the parameter is repeated)');
    }
  }
}

/** Registers a GET route whose query and path parameters are parsed with its zod schemas. */
export function addRoute<Q extends z.ZodType, P extends z.ZodType>(
  app: FastifyInstance,
  docs: RouteDoc[],
  spec: RouteSpec<Q, P>,
): void {
  docs.push(spec);
  app.get(spec.path, async (request, reply) => {
    refuseRepeated(spec.query, request.query);
    const query = (spec.query === undefined ? {} : parseRequest(spec.query, request.query)) as z.output<Q>;
    const params = (
      spec.params === undefined ? {} : parseRequest(spec.params, request.params)
    ) as z.output<P>;
    const result = await spec.handler({ query, params, request, reply });
    return reply.sent ? reply : result;
  });
}
