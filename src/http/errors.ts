import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ServiceError } from '../service/errors.js';
import { RequestValidationError } from './validation.js';

/** A field problem as the API reports it: where (`body.email`, `query.limit`) and what. */
export interface FieldDetail {
  path: string;
  message: string;
}

/** The one error shape of the API: `{ "error": { "code", "message", "details" } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** An error a handler or hook raises on purpose, with its status and code. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SERVICE_STATUS: Record<ServiceError['code'], [number, string]> = {
  not_found: [404, 'not_found'],
  conflict: [409, 'conflict'],
  invalid: [400, 'invalid_request'],
  forbidden: [403, 'forbidden'],
  unavailable: [503, 'unavailable'],
};

/** Codes for the framework's own refusals, by status. */
const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  431: 'headers_too_large',
  503: 'unavailable',
};

/**
 * Problems located in a part of the request (`body`, `query`, `params`, `headers`): paths given
 * relative to that part get it as their prefix, so `members[2].repId` becomes `body.members[2].repId`.
 */
export function locatedIn(part: string, details: unknown): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d: unknown) => {
    if (typeof d !== 'object' || d === null || typeof (d as FieldDetail).path !== 'string') return d;
    const path = (d as FieldDetail).path;
    return { ...d, path: path === '' ? part : path.startsWith('[') ? `${part}${path}` : `${part}.${path}` };
  });
}

/** Runs a use case whose field problems are about the request body. */
export async function aboutBody<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'invalid') throw new ServiceError(error.code, error.message, locatedIn('body', error.details));
    throw error;
  }
}

const envelope = (code: string, message: string, details?: unknown): ErrorBody => ({ error: { code, message, ...(details !== undefined && { details }) } });

/** What any thrown error becomes: a status and the error body. Anything unexpected is a 500 without internals. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (error instanceof ApiError) return { status: error.statusCode, body: envelope(error.code, error.message, error.details), unexpected: false };
  if (error instanceof ServiceError) {
    const [status, code] = SERVICE_STATUS[error.code];
    return { status, body: envelope(code, error.message, error.details), unexpected: false };
  }
  if (error instanceof RequestValidationError) {
    return { status: 400, body: envelope('invalid_request', error.message, error.details), unexpected: false };
  }
  const fe = error as Partial<FastifyError>;
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { status: 400, body: envelope('invalid_json', fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'the body is empty but the content type is JSON' : 'the body is not valid JSON'), unexpected: false };
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, body: envelope('payload_too_large', 'the body is larger than this endpoint accepts'), unexpected: false };
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: envelope('unsupported_media_type', 'send the body as application/json'), unexpected: false };
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) return { status, body: envelope(STATUS_CODES[status] ?? 'bad_request', fe.message ?? 'bad request'), unexpected: false };
  return { status: 500, body: envelope('internal', 'something went wrong on our side; the request may be retried'), unexpected: true };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, unexpected } = toErrorResponse(error);
  if (unexpected) request.log.error({ err: error }, 'request failed');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.code(404).send(envelope('not_found', `no endpoint ${request.method} ${request.url.split('?')[0]}`));
}
