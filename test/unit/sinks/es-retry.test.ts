import { errors } from '@elastic/elasticsearch';
import { backoffMs, classifyItem, classifyRequestError } from '../../../src/sinks/elasticsearch/retry.js';
import { BulkHttpError, bulkHasErrors, parseBulkResponse } from '../../../src/sinks/elasticsearch/service.js';

describe('retry policy', () => {
  test('exponential backoff with jitter, capped', () => {
    expect(backoffMs(1, 100, 10_000, () => 0)).toBe(50);
    expect(backoffMs(1, 100, 10_000, () => 1)).toBe(100);
    expect(backoffMs(4, 100, 10_000, () => 1)).toBe(800);
    expect(backoffMs(30, 100, 10_000, () => 1)).toBe(10_000);
    expect(backoffMs(30, 100, 10_000, () => 0)).toBe(5_000);
    for (let a = 1; a < 12; a++) {
      const v = backoffMs(a, 250, 30_000);
      const d = Math.min(30_000, 250 * 2 ** (a - 1));
      expect(v).toBeGreaterThanOrEqual(d / 2);
      expect(v).toBeLessThanOrEqual(d);
    }
  });

  test('item outcomes', () => {
    expect(classifyItem(201, undefined)).toBe('ok');
    expect(classifyItem(200, undefined)).toBe('ok');
    expect(classifyItem(409, 'version_conflict_engine_exception')).toBe('duplicate');
    expect(classifyItem(429, 'es_rejected_execution_exception')).toBe('retry');
    expect(classifyItem(503, 'unavailable_shards_exception')).toBe('retry');
    expect(classifyItem(400, 'document_parsing_exception')).toBe('reject');
    expect(classifyItem(400, 'mapper_parsing_exception')).toBe('reject');
    expect(classifyItem(404, 'index_not_found_exception')).toBe('reject');
  });

  test('request outcomes: connection errors, 429, 5xx retried; 413 split; other 4xx fatal', () => {
    expect(classifyRequestError(new errors.ConnectionError('refused'))).toBe('retry');
    expect(classifyRequestError(new errors.TimeoutError('slow'))).toBe('retry');
    expect(classifyRequestError(new BulkHttpError(429, '{}'))).toBe('retry');
    expect(classifyRequestError(new BulkHttpError(503, '{}'))).toBe('retry');
    expect(classifyRequestError(new BulkHttpError(413, '{}'))).toBe('split');
    expect(classifyRequestError(new BulkHttpError(401, '{}'))).toBe('fatal');
    expect(classifyRequestError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('retry');
    expect(classifyRequestError(new Error('bug'))).toBe('fatal');
  });

  test('cheap errors check before parsing', () => {
    expect(bulkHasErrors('{"errors":false,"took":3,"items":[]}')).toBe(false);
    expect(bulkHasErrors(Buffer.from('{"took":3,"errors":true,"items":[]}'))).toBe(true);
    expect(parseBulkResponse('{"errors":false,"items":[{"create":{"status":201}}]}')).toEqual({ errors: false, items: null });
    const r = parseBulkResponse('{"errors":true,"items":[{"create":{"status":201}},{"create":{"status":400,"error":{"type":"document_parsing_exception","reason":"bad"}}}]}');
    expect(r.items).toEqual([{ status: 201 }, { status: 400, error: { type: 'document_parsing_exception', reason: 'bad' } }]);
  });
});
