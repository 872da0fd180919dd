import { describe, expect, it } from 'vitest';
import { activityText } from './NodeActivity';

describe('activityText', () => {
  it('says what a running node is doing, from FAL\'s progress', () => {
    expect(activityText({ stage: 'queued', queue_position: 2 })).toBe("In FAL's queue, position 3");
    expect(activityText({ stage: 'queued' })).toBe("In FAL's queue");
    expect(activityText({ stage: 'generating' })).toBe('Generating…');
    expect(activityText(undefined)).toBe('Running…');
  });
});
