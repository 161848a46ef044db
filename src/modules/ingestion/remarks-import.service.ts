import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/http/validation-errors.js';
import { ImportRemarkDto, type ImportRemarksDto, type ImportResultDto } from './dto/import-remarks.dto.js';
import { IngestionService } from './ingestion.service.js';
import type { RawRemark, RemarkOutcome } from './raw-remark.js';

type Checked = { ok: true; remark: RawRemark } | { ok: false; message: string };

function toRawRemark(dto: ImportRemarkDto): RawRemark {
  return {
    channel: dto.channel ?? 'api',
    connectorId: dto.connectorId ?? null,
    externalId: dto.externalId,
    text: dto.text,
    html: dto.html ?? null,
    subject: dto.subject ?? null,
    author: { name: dto.authorName ?? null, email: dto.authorEmail ?? null },
    rating: dto.rating ?? null,
    url: dto.url ?? null,
    receivedAt: dto.createdAt ? Date.parse(dto.createdAt) : null,
  };
}

/** POST /api/remarks: bulk import through the same pipeline as every connector. */
@Injectable()
export class RemarksImportService {
  constructor(private readonly ingestion: IngestionService) {}

  async import(body: ImportRemarksDto): Promise<ImportResultDto> {
    const checked = body.remarks.map((item) => this.check(item));
    const accepted = checked.flatMap((c, index) => (c.ok ? [{ index, remark: c.remark }] : []));
    const result = await this.ingestion.ingest(accepted.map((a) => a.remark));
    const outcomes: RemarkOutcome[] = checked.map((c, index) =>
      c.ok ? { index, status: 'failed', message: '' } : { index, status: 'failed', message: c.message },
    );
    result.outcomes.forEach((outcome) => {
      const index = accepted[outcome.index].index;
      outcomes[index] = { ...outcome, index };
    });
    return {
      ingested: result.ingested,
      duplicates: result.duplicates,
      failed: outcomes.flatMap((o) =>
        o.status === 'failed' ? [{ index: o.index, message: o.message }] : [],
      ),
      outcomes,
    };
  }

  private check(item: unknown): Checked {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      return { ok: false, message: 'must be an object' };
    const dto = plainToInstance(ImportRemarkDto, item);
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) return { ok: false, message: flattenValidationErrors(errors).join('; ') };
    return { ok: true, remark: toRawRemark(dto) };
  }
}
