/**
 * One import from the browser: upload each file (XHR progress), start one job with all uploads, poll the
 * job until it is done or failed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../api/api-error.ts';
import { imports } from '../../api/endpoints.ts';
import type { ImportJobView } from '../../api/types.ts';
import { uploadFile } from '../../api/upload.ts';
import type { UploadHandle } from '../../api/upload.ts';
import { toApiError } from '../../api/use-api.ts';

export type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly files: readonly string[]; readonly loaded: number; readonly total: number }
  | { readonly phase: 'importing'; readonly job: ImportJobView }
  | { readonly phase: 'finished'; readonly job: ImportJobView }
  | { readonly phase: 'error'; readonly error: ApiError };

const POLL_MS = 700;
const finished = (job: ImportJobView): boolean => job.state === 'done' || job.state === 'failed';

export function useImport(shop: string, onFinished: () => void) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const upload = useRef<UploadHandle | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  // React runs this cleanup when the page is hidden behind a Suspense fallback too (a lazy page loading), and
  // runs the effect again when it is shown: so the effect, not the ref's initial value, marks it alive.
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      upload.current?.abort();
      if (timer.current !== null) clearTimeout(timer.current);
    };
  }, []);

  const poll = useCallback((jobId: string) => {
    imports.job(shop, jobId).then(
      ({ job }) => {
        if (!alive.current) return;
        if (finished(job)) {
          setState({ phase: 'finished', job });
          onFinished();
        } else {
          setState({ phase: 'importing', job });
          timer.current = setTimeout(() => poll(jobId), POLL_MS);
        }
      },
      (e: unknown) => alive.current && setState({ phase: 'error', error: toApiError(e) }),
    );
  }, [shop, onFinished]);

  const start = useCallback(async (files: File[]) => {
    const total = files.reduce((a, f) => a + f.size, 0);
    const names = files.map((f) => f.name);
    let before = 0;
    try {
      const ids: string[] = [];
      for (const file of files) {
        setState({ phase: 'uploading', files: names, loaded: before, total });
        const base = before;
        upload.current = uploadFile(shop, file, (loaded) => {
          if (alive.current) setState({ phase: 'uploading', files: names, loaded: base + loaded, total });
        });
        ids.push((await upload.current.done).id);
        before += file.size;
      }
      upload.current = null;
      const { job } = await imports.start(shop, ids);
      if (!alive.current) return;
      setState({ phase: 'importing', job });
      poll(job.id);
    } catch (e) {
      if (alive.current) setState({ phase: 'error', error: toApiError(e) });
    }
  }, [shop, poll]);

  const cancel = useCallback(() => upload.current?.abort(), []);
  const reset = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, cancel, reset };
}
