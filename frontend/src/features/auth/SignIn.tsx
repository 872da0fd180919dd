import type { SupabaseClient } from '@supabase/supabase-js';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';

/** SignIn signs in with Supabase: email and password, or a magic link. */
export function SignIn({ supabase }: { supabase: SupabaseClient }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState('');
  const signIn = async () => {
    const { error } = await supabase.auth.signInWithPassword({ email, password });
    setMessage(error ? error.message : '');
  };
  const magic = async () => {
    const { error } = await supabase.auth.signInWithOtp({ email, options: { emailRedirectTo: window.location.origin } });
    setMessage(error ? error.message : `Check ${email} for a sign-in link.`);
  };
  return (
    <div className="mx-auto mt-24 max-w-sm space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-bold">Sign in to VisualAdGen</h1>
      <Input type="email" placeholder="you@company.com" value={email} onChange={(e) => setEmail(e.target.value)} />
      <Input type="password" placeholder="Password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <Button className="w-full" onClick={signIn} disabled={!email || !password}>Sign in</Button>
      <Button className="w-full" variant="outline" onClick={magic} disabled={!email}>Email me a magic link</Button>
      {message && <p role="status" className="text-sm text-slate-600">{message}</p>}
    </div>
  );
}
