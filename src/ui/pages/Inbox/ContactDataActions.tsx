import { useState } from 'react';
import { contactsApi } from '../../api/endpoints.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { useI18n } from '../../i18n/index.js';
import { useMutation } from '../../lib/useMutation.js';

/** Saves a JSON document under a file name, the way a download link would. */
function download(fileName: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Admins answer a person's GDPR request from the conversation: export their data or erase it. */
export function ContactDataActions({ contactId, onErased }: { contactId: string; onErased: () => void }) {
  const { t } = useI18n();
  const exporting = useMutation();
  const erasing = useMutation();
  const [confirming, setConfirming] = useState(false);
  const exportData = () =>
    void exporting.run(async () =>
      download(`contact-${contactId}.json`, await contactsApi.exportData(contactId)),
    );
  const erase = () =>
    void erasing
      .run(() => contactsApi.erase(contactId), t('customer.erased'))
      .then((ok) => {
        if (!ok) return;
        setConfirming(false);
        onErased();
      });
  return (
    <div className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
      <Button size="sm" icon="copy" busy={exporting.busy} onClick={exportData}>
        {t('customer.export')}
      </Button>
      <Button size="sm" variant="danger" icon="trash" onClick={() => setConfirming(true)}>
        {t('customer.erase')}
      </Button>
      {confirming ? (
        <Dialog
          title={t('customer.eraseTitle')}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
              <Button variant="danger" icon="trash" busy={erasing.busy} onClick={erase}>
                {t('customer.eraseConfirm')}
              </Button>
            </>
          }
        >
          <p>{t('customer.eraseText')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
