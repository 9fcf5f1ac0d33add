/**
 * Fastify's OpenAPI generator files every response under `application/json`. Routes that answer with a file or
 * a feed mark their response schema with `x-media-types` (see `fileResponse`); this moves such responses under
 * the media types they really have, so that clients generated from the document do not parse an Atom feed or a
 * PDF as JSON.
 */
import type { SwaggerTransformObject } from '@fastify/swagger';
import { z } from 'zod';
import { mediaTypeOf } from '../files/sniff.ts';

const mediaTypesKey = 'x-media-types';

/** A response that is not JSON: a string (the file's bytes) served as one of `mediaTypes`. */
export function fileResponse(description: string, mediaTypes: readonly [string, ...string[]]) {
  return z.string().meta({ description, format: 'binary', [mediaTypesKey]: [...mediaTypes] });
}

interface MediaObject {
  schema?: Record<string, unknown>;
}
interface OpenApiDocument {
  paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, MediaObject> }> }>>;
}

/** `transformObject` for @fastify/swagger: files each marked response under its own media types. */
export const fileMediaTypes: SwaggerTransformObject = (documentObject) => {
  const openapiObject = 'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
  const document = openapiObject as OpenApiDocument;
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const response of Object.values(operation.responses ?? {})) {
        const schema = response.content?.['application/json']?.schema;
        const mediaTypes = schema?.[mediaTypesKey];
        if (!schema || !Array.isArray(mediaTypes)) continue;
        const { [mediaTypesKey]: _marker, ...plain } = schema;
        response.content = Object.fromEntries(mediaTypes.map((type: string) => [type, { schema: plain }]));
      }
    }
  }
  return openapiObject;
};

/** The uploads the platform takes (CVs, ToR attachments): PDF and DOCX. */
export const documentMediaTypes = [mediaTypeOf.pdf, mediaTypeOf.docx] as const;
