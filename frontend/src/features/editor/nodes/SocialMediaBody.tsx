import { withDefaults, type BodyProps } from './body';

/** SocialMediaBody shows which subreddit it reads and how. */
export function SocialMediaBody({ config, spec }: BodyProps<'SOCIAL_MEDIA'>) {
  const c = withDefaults(config, spec);
  if (!c.subreddit) return <i className="text-slate-400">pick a subreddit</i>;
  return <>{[`r/${c.subreddit}`, c.sort, c.limit !== undefined && `${c.limit} posts`].filter(Boolean).join(' · ')}</>;
}
