/**
 * Uploads one file as raw bytes with XMLHttpRequest (fetch has no upload progress): POST
 * /api/shops/:shop/uploads, the name percent-encoded in X-File-Name, the session's CSRF token.
 */
import { ApiError, apiErrorFrom, networkError } from './api-error.ts';
import { csrfHeaders, notifyUnauthenticated } from './client.ts';
import { imports } from './endpoints.ts';
import type { Upload } from './types.ts';

export interface UploadHandle {
  readonly done: Promise<Upload>;
  abort(): void;
}

export function uploadFile(shop: string, file: File, onProgress: (loaded: number, total: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Upload>((resolve, reject) => {
    xhr.open('POST', imports.uploadUrl(shop));
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled', '已取消上传'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && isUploadResponse(body)) {
        resolve(body.upload);
        return;
      }
      if (xhr.status === 401) notifyUnauthenticated();
      reject(apiErrorFrom(xhr.status, body));
    };
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

function isUploadResponse(body: unknown): body is { upload: Upload } {
  if (typeof body !== 'object' || body === null || !('upload' in body)) return false;
  const u: unknown = body.upload;
  return typeof u === 'object' && u !== null && 'id' in u && typeof u.id === 'string';
}
