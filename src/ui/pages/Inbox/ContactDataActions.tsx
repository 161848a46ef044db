import { contactsApi } from '../../api/endpoints.js';
import { useConfirmDelete } from '../../components/AdminSection.js';
import { Button } from '../../components/Button.js';
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
  const erasure = useConfirmDelete<string>({
    title: t('customer.eraseTitle'),
    text: () => t('customer.eraseText'),
    name: (id) => id,
    remove: (id) => contactsApi.erase(id),
    onRemoved: onErased,
    confirmLabel: t('customer.eraseConfirm'),
    done: () => t('customer.erased'),
  });
  const exportData = () =>
    void exporting.run(async () =>
      download(`contact-${contactId}.json`, await contactsApi.exportData(contactId)),
    );
  return (
    <div className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
      <Button size="sm" icon="download" busy={exporting.busy} onClick={exportData}>
        {t('customer.export')}
      </Button>
      <Button size="sm" variant="danger" icon="trash" onClick={() => erasure.ask(contactId)}>
        {t('customer.erase')}
      </Button>
      {erasure.dialog}
    </div>
  );
}
