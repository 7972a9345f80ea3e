/** Drag files here or pick them; several files can be imported together (an order export with its items). */
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  readonly disabled: boolean;
  readonly onFiles: (files: File[]) => void;
}

export function DropZone({ disabled, onFiles }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (list: FileList | null) => {
    const files = list === null ? [] : Array.from(list);
    if (files.length > 0 && !disabled) onFiles(files);
  };
  return (
    <div
      className={`drop-zone ${over ? 'drop-over' : ''} ${disabled ? 'drop-disabled' : ''}`}
      data-testid="upload-drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      <span className="drop-icon" aria-hidden="true">⇪</span>
      <p><strong>{t('imports.dropTitle')}</strong></p>
      <p className="muted">{t('imports.dropHint')}</p>
      <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => input.current?.click()} data-testid="upload-pick">
        {t('imports.pick')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".csv,.xlsx,.xls,.txt,.tsv"
        data-testid="upload-file-input"
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
      />
    </div>
  );
}
