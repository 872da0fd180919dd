import { Box, FileText, Image, Images, LayoutTemplate, MessageSquareText, Sparkles, TrendingUp, type LucideIcon } from 'lucide-react';

/** icons are the lucide icons the catalog names (spec.icon, kebab-case); a name not here shows as a box. */
const icons: Record<string, LucideIcon> = {
  'file-text': FileText,
  image: Image,
  images: Images,
  'layout-template': LayoutTemplate,
  'message-square-text': MessageSquareText,
  sparkles: Sparkles,
  'trending-up': TrendingUp,
};

/** iconFor returns the icon a node type's catalog entry names. */
export function iconFor(name: string | undefined): LucideIcon {
  return (name && icons[name]) || Box;
}
