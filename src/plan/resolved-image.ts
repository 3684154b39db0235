import type { EcrRegistry } from './image-ref.ts';

/** The image every mode of one step deploys, resolved once by the image mode. */
export interface ResolvedImage {
  /** What deployments use: `repository@digest` when pinned, else `repository:tag`. */
  reference: string;
  /** `host/path`, without tag or digest. */
  repository: string;
  tag?: string;
  /** `sha256:…`; known for ECR private images (looked up) or when given. */
  digest?: string;
  /** The ECR registry the host names, when it is one. */
  ecr?: EcrRegistry;
}
