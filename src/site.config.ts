/**
 * Facts about the project that several parts of the site need. Change them here and nowhere else:
 * the "Edit this page" link of every lesson is built from them.
 */
export const SITE = {
  /** The public repository contributors fork and send pull requests to. */
  repository: 'https://github.com/dockside-dev/dockside',
  /** The branch pull requests go to. */
  branch: 'main',
} as const;

/**
 * GitHub's editor for a file of the repository (a path from its root, like
 * content/lessons/en/images.mdx). Someone without write access gets GitHub's fork-and-pull-request
 * flow from the same link, which is the point: fixing a typo should take one click.
 */
export function editUrl(repositoryPath: string): string {
  return `${SITE.repository}/edit/${SITE.branch}/${repositoryPath.split('/').map(encodeURIComponent).join('/')}`;
}
