import type { Session, SupabaseClient } from '@supabase/supabase-js';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { LogOut } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, setTokenSource } from './api/client';
import { Button } from './components/ui/button';
import { WorkflowList } from './features/workflows/WorkflowList';

// The editor (React Flow, dagre) and sign-in (Supabase) load when first shown, so the first page stays small.
const Editor = lazy(() => import('./features/editor/Editor').then((m) => ({ default: m.Editor })));
const SignIn = lazy(() => import('./features/auth/SignIn').then((m) => ({ default: m.SignIn })));

/** loading is what shows while a part of the app loads. */
const loading = <p className="p-8 text-sm text-slate-500">Loading…</p>;

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

/** App provides data fetching and picks sign-in, the list or the editor. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <Gate />
    </QueryClientProvider>
  );
}

/** useHashRoute keeps the open workflow in the URL (#/w/<id>) so reloads keep it. */
function useHashRoute(): [string | null, (id: string | null) => void] {
  const read = () => /^#\/w\/([\w-]+)/.exec(window.location.hash)?.[1] ?? null;
  const [id, setId] = useState(read);
  useEffect(() => {
    const on = () => setId(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [id, (next) => { window.location.hash = next ? `#/w/${next}` : ''; }];
}

/** Gate signs in (Supabase mode) before showing the product. */
function Gate() {
  const cfg = useQuery({ queryKey: ['config'], queryFn: api.config });
  const [supabase, setSupabase] = useState<SupabaseClient | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    const c = cfg.data;
    if (c?.auth_mode !== 'supabase' || !c.supabase_url) return;
    let stop = false;
    let unsubscribe = () => {};
    // Supabase's client is loaded only in Supabase mode.
    import('@supabase/supabase-js').then(({ createClient }) => {
      if (stop) return;
      const client = createClient(c.supabase_url!, c.supabase_publishable_key ?? '');
      setSupabase(client);
      setTokenSource(async () => (await client.auth.getSession()).data.session?.access_token ?? null);
      client.auth.getSession().then(({ data }) => setSession(data.session));
      const { data } = client.auth.onAuthStateChange((_e, s) => { setSession(s); queryClient.invalidateQueries(); });
      unsubscribe = () => data.subscription.unsubscribe();
    });
    return () => { stop = true; unsubscribe(); };
  }, [cfg.data]);
  if (cfg.isLoading) return loading;
  if (cfg.isError) return <p className="p-8 text-sm text-red-600">The backend is not reachable. Start it with make dev.</p>;
  // Until Supabase's client has loaded, nothing may ask the API without a token.
  if (cfg.data?.auth_mode === 'supabase' && cfg.data.supabase_url && !supabase) return loading;
  if (supabase && !session) return <Suspense fallback={loading}><SignIn supabase={supabase} /></Suspense>;
  return <Shell onSignOut={supabase ? () => supabase.auth.signOut() : undefined} preview={cfg.data?.image_generation === 'preview'} />;
}

/** Shell is the signed-in product. */
function Shell({ onSignOut, preview }: { onSignOut?: () => void; preview: boolean }) {
  const [open, setOpen] = useHashRoute();
  return (
    <div className="flex h-full flex-col">
      {(preview || onSignOut) && (
        <div className="flex items-center gap-3 bg-slate-900 px-3 py-1 text-xs text-slate-200">
          {preview && <span>Preview mode: images are local placeholders at $0 (set FAL_KEY to generate for real).</span>}
          <div className="flex-1" />
          {onSignOut && <Button size="sm" variant="ghost" onClick={onSignOut}><LogOut className="h-3.5 w-3.5" /> Sign out</Button>}
        </div>
      )}
      <div className="min-h-0 flex-1">
        {open ? <Suspense fallback={loading}><Editor workflowId={open} onBack={() => setOpen(null)} /></Suspense> : <WorkflowList onOpen={setOpen} />}
      </div>
    </div>
  );
}
