import type { NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../../stores/graph';
import { NodeShell } from './NodeShell';

/** SocialMediaNode shows which subreddit it reads and how. */
export function SocialMediaNode(props: NodeProps<FlowNode>) {
  const c = props.data.config;
  return <NodeShell {...props}>{c.subreddit ? `r/${String(c.subreddit)} · ${String(c.sort ?? 'hot')} · ${String(c.limit ?? 10)} posts` : <i className="text-slate-400">pick a subreddit</i>}</NodeShell>;
}
