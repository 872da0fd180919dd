import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { leaveMessage, useLeaveGuard } from './leaveGuard';
import { useHashRoute } from './useHashRoute';

/** go changes the hash as a link would, and lets the app hear of it. */
function go(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('leaving with unsaved changes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks first, and staying keeps the page and its address', () => {
    window.location.hash = '#/w/abc';
    const route = renderHook(() => useHashRoute());
    const guard = renderHook(({ m }) => useLeaveGuard(m), { initialProps: { m: 'Unsaved changes. Leave?' as string | null } });
    expect(leaveMessage()).toBe('Unsaved changes. Leave?');
    const ask = vi.spyOn(window, 'confirm').mockReturnValue(false);
    go('#/kits');
    expect(ask).toHaveBeenCalledWith('Unsaved changes. Leave?');
    expect(route.result.current[0]).toEqual({ page: 'editor', id: 'abc' });
    expect(window.location.hash).toBe('#/w/abc');

    ask.mockReturnValue(true);
    go('#/kits');
    expect(route.result.current[0]).toEqual({ page: 'kits' });

    guard.rerender({ m: null }); // saved: nothing to lose
    expect(leaveMessage()).toBeNull();
    ask.mockClear();
    go('#/');
    expect(ask).not.toHaveBeenCalled();
  });
});
