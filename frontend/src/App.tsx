import { createClient, type Session, type SupabaseClient } from '@supabase/supabase-js';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { LogOut } from 'lucide-react';
import { useEffect, useState } from 'react';
import { api, setTokenSource } from './api/client';
import { Button } from './components/ui/button';
import { SignIn } from './features/auth/SignIn';
import { Editor } from './features/editor/Editor';
import { WorkflowList } from './features/workflows/WorkflowList';

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
    if (cfg.data?.auth_mode !== 'supabase' || !cfg.data.supabase_url) return;
    const client = createClient(cfg.data.supabase_url, cfg.data.supabase_publishable_key ?? '');
    setSupabase(client);
    setTokenSource(async () => (await client.auth.getSession()).data.session?.access_token ?? null);
    client.auth.getSession().then(({ data }) => setSession(data.session));
    const { data } = client.auth.onAuthStateChange((_e, s) => { setSession(s); queryClient.invalidateQueries(); });
    return () => data.subscription.unsubscribe();
  }, [cfg.data]);
  if (cfg.isLoading) return <p className="p-8 text-sm text-slate-500">Loading…</p>;
  if (cfg.isError) return <p className="p-8 text-sm text-red-600">The backend is not reachable. Start it with make dev.</p>;
  if (supabase && !session) return <SignIn supabase={supabase} />;
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
      <div className="min-h-0 flex-1">{open ? <Editor workflowId={open} onBack={() => setOpen(null)} /> : <WorkflowList onOpen={setOpen} />}</div>
    </div>
  );
}
