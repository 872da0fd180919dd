import { LogOut, Wallet } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import type { Route } from '../../lib/route';
import { spendDetail, spendText, useMe } from './useMe';

/** NavLink is one page link of the bar; the page shown is marked for sight and screen readers. */
function NavLink({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <a href={href} aria-current={current ? 'page' : undefined}
      className={cn('shrink-0 rounded px-2 py-0.5 hover:bg-slate-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-violet-300', current && 'bg-slate-700 text-white')}>
      {children}
    </a>
  );
}

/** SpendLink says this month's spend against the budget and opens the usage page. */
function SpendLink({ current }: { current: boolean }) {
  const me = useMe();
  if (!me.data) return null;
  const over = me.data.left !== null && me.data.left <= 0;
  return (
    <a href="#/usage" data-testid="spend-link" title={`${spendDetail(me.data)}. Open usage and budget.`} aria-current={current ? 'page' : undefined}
      className={cn('flex shrink-0 items-center gap-1 rounded px-2 py-0.5 tabular-nums hover:bg-slate-700 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-violet-300',
        current && 'bg-slate-700 text-white', over && 'text-amber-300')}>
      <Wallet className="h-3.5 w-3.5" aria-hidden />{spendText(me.data)}
    </a>
  );
}

/**
 * AppBar is the thin bar over every page: the pages (workflows, brand
 * kits, usage), this month's spend against the budget (to the usage page), what
 * preview mode means, and sign-out in Supabase mode.
 */
export function AppBar({ route, preview, onSignOut }: { route: Route; preview: boolean; onSignOut?: () => void }) {
  return (
    <nav aria-label="Main" className="flex h-8 shrink-0 items-center gap-1 overflow-hidden whitespace-nowrap bg-slate-900 px-3 text-xs text-slate-200">
      <span className="mr-2 shrink-0 font-semibold text-white">VisualAdGen</span>
      <NavLink href="#/" current={route.page === 'workflows' || route.page === 'editor'}>Workflows</NavLink>
      <NavLink href="#/kits" current={route.page === 'kits'}>Brand kits</NavLink>
      <NavLink href="#/usage" current={route.page === 'usage'}>Usage</NavLink>
      {preview && <span className="ml-3 min-w-0 truncate text-slate-400" title="Set FAL_KEY to generate for real.">Preview mode: images are local placeholders at $0 (set FAL_KEY to generate for real).</span>}
      <div className="flex-1" />
      <SpendLink current={route.page === 'usage'} />
      {onSignOut && <Button size="sm" variant="ghost" className="h-6 shrink-0 hover:bg-slate-700" onClick={onSignOut}><LogOut className="h-3.5 w-3.5" /> Sign out</Button>}
    </nav>
  );
}
