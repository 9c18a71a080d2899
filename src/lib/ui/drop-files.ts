import type { Action } from 'svelte/action';

export interface DropFiles {
  /** The files dropped; called only while `enabled` says yes (default: always). */
  onfiles: (files: FileList | null | undefined) => void;
  /** A file is being dragged over the element (true) or has left it or been dropped (false): for a highlight. */
  ondragging: (dragging: boolean) => void;
  enabled?: () => boolean;
}

/**
 * Makes an element a drop target for files. The browser's default for a dropped file is to
 * open it in the tab, which would leave the app: dragover and drop are prevented here.
 */
export const dropFiles: Action<HTMLElement, DropFiles> = (node, params) => {
  let p = params;
  const over = (e: DragEvent) => {
    e.preventDefault();
    p.ondragging(true);
  };
  const leave = () => p.ondragging(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    p.ondragging(false);
    if (p.enabled?.() ?? true) p.onfiles(e.dataTransfer?.files);
  };
  node.addEventListener('dragover', over);
  node.addEventListener('dragleave', leave);
  node.addEventListener('drop', drop);
  return {
    update: (next: DropFiles) => void (p = next),
    destroy: () => {
      node.removeEventListener('dragover', over);
      node.removeEventListener('dragleave', leave);
      node.removeEventListener('drop', drop);
    },
  };
};
