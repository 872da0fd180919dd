/**
 * Route is the page the URL's hash names: the workflow list (#/), a
 * workflow's editor (#/w/<id>), the brand kits (#/kits) or the usage page
 * (#/usage). The hash keeps the page across reloads.
 */
export type Route = { page: 'workflows' } | { page: 'editor'; id: string } | { page: 'kits' } | { page: 'usage' };

/** parseRoute reads a location hash; anything it does not know is the workflow list. */
export function parseRoute(hash: string): Route {
  const editor = /^#\/w\/([\w-]+)/.exec(hash);
  if (editor) return { page: 'editor', id: editor[1] };
  if (/^#\/kits\/?$/.test(hash)) return { page: 'kits' };
  if (/^#\/usage\/?$/.test(hash)) return { page: 'usage' };
  return { page: 'workflows' };
}

/** hrefOf is the link to a route ("#/w/<id>", "#/kits"; "#/" for the list). */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'editor':
      return `#/w/${route.id}`;
    case 'kits':
      return '#/kits';
    case 'usage':
      return '#/usage';
    default:
      return '#/';
  }
}
