import { useEffect, useState } from 'react';
import { hrefOf, parseRoute, type Route } from './route';

/** useHashRoute is the page the URL's hash names, kept in step with it, and a function that goes to another page. */
export function useHashRoute(): [Route, (next: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (next) => { window.location.hash = hrefOf(next); }];
}
