import { Injectable } from '@nestjs/common';
import type { ConnectorAdapter } from '../channels/channel-adapter.js';
import { ChannelRegistry } from '../channels/channel-registry.js';
import type { ConnectorEntity } from './connector.entity.js';
import { ConnectorSecrets } from './connector-secrets.js';

/** A connector ready to run: its adapter and its settings with secrets opened. */
export interface ConnectorRuntime<S = unknown> {
  connector: ConnectorEntity;
  adapter: ConnectorAdapter<S>;
  settings: S;
}

/** Default seconds between polls when neither settings nor adapter say. */
const FALLBACK_POLL_SECONDS = 300;

/** Pairs stored connectors with their registered adapters; the one place that opens secrets. */
@Injectable()
export class ConnectorRuntimes {
  constructor(
    private readonly registry: ChannelRegistry,
    private readonly secrets: ConnectorSecrets,
  ) {}

  /** The adapter of a kind, or undefined when that channel's module is not loaded. */
  adapterOf(kind: string): ConnectorAdapter<unknown> | undefined {
    return this.registry.kinds().includes(kind as ConnectorEntity['kind'])
      ? this.registry.adapter(kind)
      : undefined;
  }

  /** Throws a readable error when the kind has no adapter or a secret no longer opens. */
  of<S = unknown>(connector: ConnectorEntity): ConnectorRuntime<S> {
    const adapter = this.adapterOf(connector.kind);
    if (!adapter) throw new Error(`No channel adapter for connector kind ${connector.kind} is loaded`);
    const settings = this.secrets.open(connector.settings, adapter.secretFields);
    return { connector, adapter: adapter as ConnectorAdapter<S>, settings: settings as S };
  }

  /** When a polling connector should next be pulled, or null when it is not polled. */
  nextSyncAt(connector: ConnectorEntity, from = Date.now()): number | null {
    const adapter = this.adapterOf(connector.kind);
    if (!connector.enabled || !adapter?.pull) return null;
    const configured = connector.settings.pollIntervalSeconds;
    const seconds =
      typeof configured === 'number' && configured > 0
        ? configured
        : (adapter.defaultPollIntervalSeconds ?? FALLBACK_POLL_SECONDS);
    return from + seconds * 1000;
  }
}
