import { useEffect, useState } from 'react';
import { leaveMessage } from './leaveGuard';
import { hrefOf, parseRoute, type Route } from './route';

/**
 * useHashRoute is the page the URL's hash names, kept in step with it, and
 * a function that goes to another page. Leaving a page that would lose
 * something (see useLeaveGuard) asks first; staying puts the hash back.
 */
export function useHashRoute(): [Route, (next: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    const on = () => {
      const message = leaveMessage();
      if (message && !window.confirm(message)) {
        window.history.replaceState(null, '', shown || '#/');
        return;
      }
      shown = window.location.hash;
      setRoute(parseRoute(shown));
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (next) => { window.location.hash = hrefOf(next); }];
}
