import { StoreError } from '../store/store-error.js';
import type { FastifyError, FastifyInstance } from 'fastify';

/** Every error the API returns has this shape, whatever raised it. */
export interface ApiErrorBody {
  error: { status: number; code: string; message: string; details?: { field: string; problem: string }[] };
}

/** An error a handler raises on purpose, with the status and code the client gets. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { field: string; problem: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message'],
      properties: {
        status: { type: 'integer' },
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, problem: { type: 'string' } } } },
      },
    },
  },
} as const;

/** Fastify's own error codes, as the client sees them. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

function body(status: number, code: string, message: string, details?: ApiErrorBody['error']['details']): ApiErrorBody {
  return { error: { status, code, message, ...(details ? { details } : {}) } };
}

/** Maps validation failures, Fastify's own errors, ApiErrors and unexpected failures to one JSON shape. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send(body(err.status, err.code, err.message, err.details));
    if (err.validation) {
      const details = err.validation.map((v) => ({
        field: `${err.validationContext ?? 'request'}${v.instancePath.replace(/\//g, '.')}${v.params && 'missingProperty' in v.params ? `.${String(v.params.missingProperty)}` : ''}`,
        problem: v.message ?? 'invalid',
      }));
      return reply.status(400).send(body(400, 'invalid_request', `invalid ${err.validationContext ?? 'request'}: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`, details));
    }
    if ((err as Error) instanceof StoreError) {
      // The database refused a write (disk full, read-only): the request was sound; nothing of it was kept.
      request.log.error(err);
      return reply.status(507).send(body(507, 'storage_full', 'the database could not take the write (disk full or read-only); nothing of this request was stored'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(err);
      return reply.status(status).send(body(status, 'internal_error', 'the server failed to handle this request; the failure is logged'));
    }
    const code = (err.code && FASTIFY_CODES[err.code]) ?? (status === 429 ? 'rate_limited' : 'bad_request');
    return reply.status(status).send(body(status, code, err.message));
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body(404, 'not_found', `no such endpoint: ${request.method} ${request.url.split('?')[0]}`));
  });
}
