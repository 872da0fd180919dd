import { ImageInputNode } from './ImageInputNode';
import { ImageModelNode } from './ImageModelNode';
import { OutputNode } from './OutputNode';
import { PromptNode } from './PromptNode';
import { SocialMediaNode } from './SocialMediaNode';
import { TextInputNode } from './TextInputNode';

/** nodeTypes maps React Flow node types (the backend's node types) to components; defined once at module scope. */
export const nodeTypes = {
  TEXT_INPUT: TextInputNode,
  IMAGE_INPUT: ImageInputNode,
  SOCIAL_MEDIA: SocialMediaNode,
  PROMPT: PromptNode,
  IMAGE_MODEL: ImageModelNode,
  OUTPUT: OutputNode,
};
