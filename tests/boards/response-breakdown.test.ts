import { describe, expect, it } from 'vitest';
import { responseBreakdown } from '@/server/queries/boards/figures';
import { parseBoardParams, type BoardScope } from '@/server/queries/boards/scope';
import { ServiceError } from '@/lib/errors';

const scope = (raw: Record<string, string>, everyone: boolean) => ({ params: parseBoardParams(raw), everyone }) as BoardScope;

describe('the response board shows one breakdown at a time', () => {
  it('a lead sees teams first, and any breakdown asked for by `by`', () => {
    expect(responseBreakdown(scope({}, true))).toBe('team');
    expect(responseBreakdown(scope({ by: 'agent' }, true))).toBe('agent');
    expect(responseBreakdown(scope({ by: 'touchpoint' }, true))).toBe('touchpoint');
  });

  it("an agent's own board has no team or agent columns: it shows journey stages instead", () => {
    expect(responseBreakdown(scope({}, false))).toBe('journey_stage');
    expect(responseBreakdown(scope({ by: 'agent' }, false))).toBe('journey_stage');
    expect(responseBreakdown(scope({ by: 'channel' }, false))).toBe('channel');
  });

  it('an unknown breakdown is a message that lists the choices', () => {
    expect(() => parseBoardParams({ by: 'colour' })).toThrow(ServiceError);
    expect(() => parseBoardParams({ by: 'colour' })).toThrow('by must be one of team, agent, journey_stage, touchpoint, channel');
  });
});
