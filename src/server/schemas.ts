// JSON Schemas shared by the routes: they validate requests and describe responses in /openapi.json. Response
// schemas keep additionalProperties so that serialization never drops a field the model gains.

export const pagingQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'items per page' },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0, description: 'items to skip' },
} as const;

/** The `{id}` of a resource in its path. */
export const idParams = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['id'] } as const;

export const dateParam = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$',
  description: 'a date (2024-11-01) or date-time (2024-11-01T12:00:00Z)',
} as const;

const articleRef = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    url: { type: ['string', 'null'] },
    outlet: { type: ['string', 'null'] },
    lang: { type: 'string' },
    publishedAt: { type: ['string', 'null'] },
    duplicateOf: { type: ['string', 'null'] },
  },
} as const;

export const storySummarySchema = {
  $id: 'StorySummary',
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    firstSeen: { type: 'string' },
    lastSeen: { type: 'string' },
    size: { type: 'integer' },
    sources: { type: 'integer', description: 'independent sources (duplicates excluded)' },
    languages: { type: 'array', items: { type: 'string' } },
    articles: { type: 'array', items: articleRef },
  },
} as const;

export function pageOf(itemRef: string) {
  return {
    type: 'object',
    required: ['total', 'limit', 'offset', 'items'],
    properties: {
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      items: { type: 'array', items: { $ref: `${itemRef}#` } },
    },
  } as const;
}

/** A free-form object documented by a description (the comparison's contract lives in its own JSON Schema). */
export function openObject(description: string) {
  return { type: 'object', additionalProperties: true, description } as const;
}

export const errorResponses = {
  400: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
} as const;
