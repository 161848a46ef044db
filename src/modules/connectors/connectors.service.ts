import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { badRequest, notFound } from '../../common/errors/app-error.js';
import { iso } from '../../common/http/id-param.js';
import { newId } from '../../database/columns.js';
import type { ConnectorAdapter } from '../channels/channel-adapter.js';
import { ChannelRegistry } from '../channels/channel-registry.js';
import { ConnectorEntity } from './connector.entity.js';
import { type ConnectorRuntime, ConnectorRuntimes } from './connector-runtimes.js';
import { ConnectorSecrets } from './connector-secrets.js';
import { ConnectorWatchers } from './connector-watchers.js';
import { type ConnectorConfigChange, ConnectorsRepository } from './connectors.repository.js';
import { describeError } from './describe-error.js';
import type {
  ConnectorDto,
  ConnectorTestResultDto,
  CreateConnectorDto,
  UpdateConnectorDto,
} from './dto/connector.dto.js';
import { mergePatch, type Settings } from './settings-paths.js';

/** A connection test that hangs (a server that never answers) is reported, not awaited forever. */
const TEST_TIMEOUT_MS = 30_000;

function asSettings(value: unknown, kind: string): Settings {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`The ${kind} adapter returned settings that are not an object`);
  return value as Settings;
}

/** Connector configuration (admin): CRUD, validation by the kind's adapter, secrets, audit. */
@Injectable()
export class ConnectorsService {
  constructor(
    private readonly connectors: ConnectorsRepository,
    private readonly registry: ChannelRegistry,
    private readonly runtimes: ConnectorRuntimes,
    private readonly secrets: ConnectorSecrets,
    private readonly watchers: ConnectorWatchers,
  ) {}

  async list(): Promise<ConnectorDto[]> {
    return (await this.connectors.list()).map((c) => this.toDto(c));
  }

  async get(id: string): Promise<ConnectorDto> {
    return this.toDto(await this.find(id));
  }

  async create(input: CreateConnectorDto, actorUserId: string | null): Promise<ConnectorDto> {
    const adapter = this.registry.adapter(input.kind);
    const raw = input.settings ?? {};
    this.secrets.rejectMasks(raw, adapter.secretFields);
    const settings = await this.validSettings(adapter, structuredClone(raw));
    const now = Date.now();
    const enabled = input.enabled ?? true;
    const connector = Object.assign(new ConnectorEntity(), {
      id: newId(),
      kind: adapter.kind,
      name: input.name,
      enabled,
      settings: this.secrets.seal(settings, adapter.secretFields),
      // Every connector gets an unguessable public id; only kinds with a public endpoint use it.
      publicKey: randomBytes(18).toString('base64url'),
      cursor: null,
      state: 'idle',
      lastSyncAt: null,
      lastError: null,
      ingestedTotal: 0,
      // A new polling connector is due at once: its first pull shows whether it works.
      nextSyncAt: adapter.pull && enabled ? now : null,
      lockedBy: null,
      lockedUntil: null,
      createdAt: now,
      updatedAt: now,
    } satisfies ConnectorEntity);
    await this.connectors.insert(connector, {
      actorUserId,
      action: 'connector.create',
      data: { kind: connector.kind, name: connector.name, enabled: connector.enabled },
    });
    await this.watchers.refresh(connector);
    return this.toDto(connector);
  }

  async update(id: string, input: UpdateConnectorDto, actorUserId: string | null): Promise<ConnectorDto> {
    const connector = await this.find(id);
    const adapter = this.registry.adapter(connector.kind);
    const enabled = input.enabled ?? connector.enabled;
    const change: ConnectorConfigChange = {
      name: input.name ?? connector.name,
      enabled,
      settings: input.settings
        ? await this.patchSettings(connector, adapter, input.settings)
        : connector.settings,
      nextSyncAt: connector.nextSyncAt,
    };
    const changed = (['name', 'enabled', 'settings'] as const).filter((key) => input[key] !== undefined);
    if (!enabled || !adapter.pull) change.nextSyncAt = null;
    else if (input.settings || !connector.enabled || change.nextSyncAt === null)
      change.nextSyncAt = Date.now();
    await this.connectors.updateConfig(id, change, {
      actorUserId,
      action: 'connector.update',
      data: { changed, ...(input.settings ? { settingsKeys: Object.keys(input.settings).sort() } : {}) },
    });
    const updated = await this.find(id);
    await this.watchers.refresh(updated);
    return this.toDto(updated);
  }

  async delete(id: string, actorUserId: string | null): Promise<void> {
    const connector = await this.find(id);
    await this.watchers.stop(id);
    const deleted = await this.connectors.delete(id, {
      actorUserId,
      action: 'connector.delete',
      data: { kind: connector.kind, name: connector.name },
    });
    if (!deleted) throw notFound('Connector');
  }

  /** Connects and changes nothing; every failure becomes `ok: false` with a readable detail. */
  async test(id: string): Promise<ConnectorTestResultDto> {
    const connector = await this.find(id);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ConnectorTestResultDto>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, detail: `No answer within ${TEST_TIMEOUT_MS / 1000} s` }),
        TEST_TIMEOUT_MS,
      );
    });
    const attempt = (async () => {
      const { adapter, settings } = this.runtimes.of(connector);
      const result = await adapter.test(connector, settings);
      return { ok: result.ok === true, detail: String(result.detail ?? '') };
    })().catch((error: unknown) => ({ ok: false, detail: describeError(error) }));
    try {
      return await Promise.race([attempt, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** For channel modules: a connector with its adapter and opened settings (404 when unknown). */
  async runtime<S = unknown>(id: string): Promise<ConnectorRuntime<S>> {
    return this.runtimes.of<S>(await this.find(id));
  }

  /** For public endpoints (web forms): the connector behind a public key, or null. */
  async runtimeByPublicKey<S = unknown>(publicKey: string): Promise<ConnectorRuntime<S> | null> {
    const connector = await this.connectors.findByPublicKey(publicKey);
    return connector ? this.runtimes.of<S>(connector) : null;
  }

  /** A push channel (web form) took a remark: counts it and shows when, like a sync would. */
  recordReceived(id: string, now = Date.now()): Promise<void> {
    return this.connectors.recordSyncSuccess(id, 1, now, null);
  }

  private async find(id: string): Promise<ConnectorEntity> {
    const connector = await this.connectors.findById(id);
    if (!connector) throw notFound('Connector');
    return connector;
  }

  /** Stored settings + the patch (masked or missing secrets keep their stored value), validated and sealed. */
  private async patchSettings(
    connector: ConnectorEntity,
    adapter: ConnectorAdapter<unknown>,
    patch: Settings,
  ): Promise<Settings> {
    const paths = adapter.secretFields;
    let stored: Settings;
    try {
      stored = this.secrets.open(connector.settings, paths);
    } catch (error) {
      throw badRequest(describeError(error));
    }
    const merged = mergePatch(stored, this.secrets.keepMaskedSecrets(patch, stored, paths));
    this.secrets.rejectMasks(merged, paths);
    return this.secrets.seal(await this.validSettings(adapter, merged), paths);
  }

  /** The adapter's own checks, then what the settings point at (lookups). */
  private async validSettings(adapter: ConnectorAdapter<unknown>, raw: unknown): Promise<Settings> {
    const settings = asSettings(adapter.validateSettings(raw), adapter.kind);
    const problems = (await adapter.checkReferences?.(settings)) ?? [];
    if (problems.length) throw badRequest(problems.map((problem) => `settings.${problem}`));
    return settings;
  }

  private toDto(connector: ConnectorEntity): ConnectorDto {
    const adapter = this.runtimes.adapterOf(connector.kind);
    const settings = this.secrets.mask(connector.settings, adapter?.secretFields ?? []);
    return {
      // Kind-specific extras first, so they can never overwrite the common fields.
      ...this.describe(connector),
      id: connector.id,
      kind: connector.kind,
      name: connector.name,
      enabled: connector.enabled,
      settings,
      status: {
        state: connector.state,
        lastSyncAt: iso(connector.lastSyncAt),
        lastError: connector.lastError,
        ingestedTotal: connector.ingestedTotal,
        nextSyncAt: iso(connector.nextSyncAt),
      },
      createdAt: iso(connector.createdAt)!,
      updatedAt: iso(connector.updatedAt)!,
    };
  }

  private describe(connector: ConnectorEntity): Record<string, unknown> {
    try {
      const { adapter, settings } = this.runtimes.of(connector);
      return adapter.describe?.(connector, settings) ?? {};
    } catch {
      return {};
    }
  }
}
