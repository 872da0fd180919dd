import type { Session, SupabaseClient } from '@supabase/supabase-js';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, setTokenSource } from './api/client';
import { UNREACHABLE } from './api/problemText';
import { AppBar } from './features/account/AppBar';
import { WorkflowList } from './features/workflows/WorkflowList';
import { preloadable } from './lib/preloadable';
import { parseRoute } from './lib/route';
import { useHashRoute } from './lib/useHashRoute';

// The editor (React Flow, dagre), the other pages and sign-in (Supabase) load when first shown, so the first page stays small.
const editor = preloadable(() => import('./features/editor/Editor').then((m) => m.Editor));
const Editor = editor.Component;
// Opened at an editor's address, the editor's code loads at once, beside the app's config rather than after it.
if (parseRoute(window.location.hash).page === 'editor') void editor.preload().catch(() => {});
const BrandKitsPage = lazy(() => import('./features/kits/BrandKitsPage').then((m) => ({ default: m.BrandKitsPage })));
// The usage page carries the chart library: it loads only when opened.
const UsagePage = lazy(() => import('./features/usage/UsagePage').then((m) => ({ default: m.UsagePage })));
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
  if (cfg.isError) return <main className="p-8 text-sm text-red-700" role="alert">{UNREACHABLE} If you run it yourself, start it with make dev.</main>;
  // Until Supabase's client has loaded, nothing may ask the API without a token.
  if (cfg.data?.auth_mode === 'supabase' && cfg.data.supabase_url && !supabase) return loading;
  if (supabase && !session) return <Suspense fallback={loading}><SignIn supabase={supabase} /></Suspense>;
  return <Shell onSignOut={supabase ? () => supabase.auth.signOut() : undefined} preview={cfg.data?.image_generation === 'preview'} />;
}

/** Shell is the signed-in product: the bar of pages, and the page the URL names. */
function Shell({ onSignOut, preview }: { onSignOut?: () => void; preview: boolean }) {
  const [route, go] = useHashRoute();
  const toList = () => go({ page: 'workflows' });
  return (
    <div className="flex h-full flex-col">
      <AppBar route={route} preview={preview} onSignOut={onSignOut} />
      <div className="min-h-0 flex-1">
        <Suspense fallback={loading}>
          {route.page === 'editor' && <Editor workflowId={route.id} onBack={toList} />}
          {route.page === 'kits' && <BrandKitsPage />}
          {route.page === 'usage' && <UsagePage />}
          {route.page === 'workflows' && <WorkflowList onOpen={(id) => go({ page: 'editor', id })} />}
        </Suspense>
      </div>
    </div>
  );
}
