import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../common/config/app-config.js';
import type { AuthUser } from '../../common/auth/auth.decorators.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import { RepliesService } from '../conversations/replies.service.js';
import { DepartmentsRepository } from '../departments/departments.repository.js';
import { IngestionService } from '../ingestion/ingestion.service.js';
import { newId } from '../../database/columns.js';
import { UserEntity } from '../users/user.entity.js';
import { UsersRepository } from '../users/users.repository.js';
import { UsersService } from '../users/users.service.js';
import { DEMO_NOTES, DEMO_REPLIES, demoRemarks, type DemoRemark } from './demo-remarks.js';

const DEMO_PASSWORD = 'resonanz-demo';
const DEMO_CONVERSATIONS = 200;
const HOUR = 3_600_000;

const DEMO_AGENTS = [
  {
    email: 'lena.agent@demo.resonanz.local',
    name: 'Lena Vogel',
    departments: ['Customer Service', 'Data Protection'],
  },
  {
    email: 'paul.agent@demo.resonanz.local',
    name: 'Paul Richter',
    departments: ['Logistics', 'Customer Service'],
  },
  {
    email: 'sofia.agent@demo.resonanz.local',
    name: 'Sofia Marino',
    departments: ['Accounting', 'E-Commerce'],
  },
  { email: 'ben.agent@demo.resonanz.local', name: 'Ben Okafor', departments: ['Product', 'E-Commerce'] },
] as const;

/**
 * DEMO_DATA on an empty inbox: demo agents and ~200 conversations in German and English across
 * every channel, ingested through the real pipeline (classified and routed like real ones), some
 * answered, noted or resolved through the real services, the older unanswered ones overdue.
 */
@Injectable()
export class DemoService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly ingestion: IngestionService,
    private readonly conversations: ConversationsService,
    private readonly replies: RepliesService,
    private readonly users: UsersService,
    private readonly usersRepository: UsersRepository,
    private readonly departments: DepartmentsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.env.DEMO_DATA) return;
    if ((await this.conversations.list({ limit: 1 })).items.length > 0) return;
    const started = Date.now();
    const now = Date.now();
    const demo = demoRemarks(DEMO_CONVERSATIONS, now);
    // PostgreSQL takes work from several connections at once; SQLite has one connection, where
    // overlapping transactions would nest, so there everything goes one after another.
    const parallel = this.config.databaseKind === 'postgres' ? 8 : 1;
    const [agents, result] =
      parallel > 1
        ? await Promise.all([this.ensureAgents(), this.ingestion.ingest(demo.map((d) => d.remark))])
        : [await this.ensureAgents(), await this.ingestion.ingest(demo.map((d) => d.remark))];
    const ingested = result.outcomes.flatMap((o) => (o.status === 'ingested' ? [o] : []));
    let answered = 0;
    for (let i = 0; i < ingested.length; i += parallel) {
      const done = await Promise.all(
        ingested
          .slice(i, i + parallel)
          .map((o) => this.work(o.conversationId, demo[o.index], agents, o.index, now)),
      );
      answered += done.filter(Boolean).length;
    }
    this.logger.log(
      `Loaded the demo inbox: ${result.ingested} conversations (${answered} answered) in ${Date.now() - started} ms. ` +
        `Demo logins (password "${DEMO_PASSWORD}"): ${agents.map((a) => a.email).join(', ')}`,
    );
  }

  /**
   * The demo agents. Password hashing is deliberately slow, so the password is hashed once (for
   * the first agent, through UsersService) and the others get the same hash.
   */
  private async ensureAgents(): Promise<AuthUser[]> {
    const byName = new Map((await this.departments.list()).map((d) => [d.name, d.id]));
    const departmentIds = (names: readonly string[]) =>
      names.map((d) => byName.get(d)).filter((id): id is string => !!id);
    const agents: AuthUser[] = [];
    let passwordHash: string | null = null;
    for (const agent of DEMO_AGENTS) {
      let user = await this.usersRepository.findByEmail(agent.email);
      if (!user && passwordHash) {
        const now = Date.now();
        user = Object.assign(new UserEntity(), {
          id: newId(),
          email: agent.email,
          name: agent.name,
          passwordHash,
          role: 'agent',
          active: true,
          sessionsValidAfter: 0,
          createdAt: now,
          updatedAt: now,
        } satisfies UserEntity);
        await this.usersRepository.save(user, departmentIds(agent.departments));
      } else if (!user) {
        const { email, name, departments } = agent;
        await this.users.create({
          email,
          name,
          password: DEMO_PASSWORD,
          role: 'agent',
          departmentIds: departmentIds(departments),
        });
        user = (await this.usersRepository.findByEmail(email))!;
      }
      passwordHash ??= user.passwordHash;
      agents.push({ id: user.id, email: user.email, name: user.name, role: 'agent' });
    }
    return agents;
  }

  /** Works some conversations like agents would; true when it got a reply. */
  private async work(
    conversationId: string,
    demo: DemoRemark,
    agents: AuthUser[],
    index: number,
    now: number,
  ): Promise<boolean> {
    const agent = agents[index % agents.length];
    const created = demo.remark.receivedAt as number;
    const age = now - created;
    const lang = /[äöüß]| ich | Sie /.test(demo.remark.text) ? 'de' : 'en';
    const roll = (index * 37) % 100;
    if (age > 6 * HOUR && roll < 45) {
      const at = created + Math.min(age - HOUR, (1 + (roll % 20)) * HOUR);
      if (roll % 5 === 0)
        await this.replies.note(conversationId, DEMO_NOTES[index % DEMO_NOTES.length], agent, { at });
      await this.replies.reply(conversationId, DEMO_REPLIES[lang][index % 3], agent, { at, deliver: false });
      if (roll < 25) await this.conversations.update(conversationId, { status: 'resolved' }, agent);
      else if (roll < 35) await this.conversations.update(conversationId, { status: 'pending' }, agent);
      return true;
    }
    if (roll >= 45 && roll < 55)
      await this.conversations.update(conversationId, { assigneeId: agent.id }, agent);
    return false;
  }
}
