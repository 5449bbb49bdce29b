/** The OpenAPI 3.1 document, generated from the routes' zod schemas (`z.toJSONSchema`). */
import { z } from 'zod';
import { ErrorSchema } from './common-schema.ts';
import type { RouteDoc } from './route.ts';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const result = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  delete result.$schema;
  return result;
}

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(ErrorSchema, 'output') } },
});

/** Builds the OpenAPI document for the registered routes. */
export function openApiDocument(routes: readonly RouteDoc[], version: string): JsonSchema {
  const paths: Record<string, JsonSchema> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const content: JsonSchema = { 'application/json': { schema: jsonSchema(route.response, 'output') } };
    if (route.downloadable === true) content['text/csv'] = { schema: { type: 'string' } };
    paths[path] = {
      ...paths[path],
      [route.method ?? 'get']: {
        tags: [route.tag],
        summary: route.summary,
        ...(route.description === undefined ? {} : { description: route.description }),
        parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
        ...(route.body === undefined
          ? {}
          : {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
              },
            }),
        responses: {
          200: { description: 'OK', content },
          400: errorResponse('Invalid request parameter (the message names the field)'),
          ...(route.params === undefined ? {} : { 404: errorResponse('Unknown id') }),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Migration Diplomacy Atlas API',
      version,
      description:
        'A sourced, bilingual (French/English) knowledge base of migration diplomacy instruments. ' +
        'Every fact carries its evidence: document, character span, quote, asserted-by and review state.',
    },
    servers: [{ url: '/' }],
    paths,
  };
}
