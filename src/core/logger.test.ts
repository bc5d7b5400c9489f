import { describe, expect, it } from 'vitest';
import { createLogger, runWithRequestId } from './logger.ts';

describe('structured logger', () => {
  it('writes one JSON object per line, with the request id inside a request', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', (l) => lines.push(l));
    logger.info('outside');
    await runWithRequestId('req-1', async () => {
      await new Promise((r) => setTimeout(r, 1));
      logger.warn('inside', { userId: 'u1', error: new Error('boom') });
    });
    logger.debug('hidden at info level');
    expect(lines).toHaveLength(2);
    const [outside, inside] = lines.map((l) => JSON.parse(l));
    expect(outside).toMatchObject({ level: 'info', msg: 'outside' });
    expect(outside.requestId).toBeUndefined();
    expect(inside).toMatchObject({ level: 'warn', msg: 'inside', requestId: 'req-1', userId: 'u1', error: { message: 'boom' } });
    expect(new Date(inside.time).getTime()).not.toBeNaN();
  });
});
