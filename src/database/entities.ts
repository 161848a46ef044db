import { AuditEntryEntity } from '../modules/audit/audit-entry.entity.js';
import { TrainingExampleEntity } from '../modules/classification/training-example.entity.js';
import { ConnectorEntity } from '../modules/connectors/connector.entity.js';
import { ContactEntity } from '../modules/contacts/contact.entity.js';
import { ConversationEventEntity } from '../modules/conversations/conversation-event.entity.js';
import { ConversationEntity } from '../modules/conversations/conversation.entity.js';
import { MessageEntity } from '../modules/conversations/message.entity.js';
import { PromiseEntity } from '../modules/conversations/promise.entity.js';
import { DepartmentEntity, DepartmentMemberEntity } from '../modules/departments/department.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { RoutingRuleEntity } from '../modules/routing/routing-rule.entity.js';
import { SlaPolicyEntity } from '../modules/sla/sla-policy.entity.js';
import { UserEntity } from '../modules/users/user.entity.js';

export const ENTITIES = [
  UserEntity,
  DepartmentEntity,
  DepartmentMemberEntity,
  ContactEntity,
  ConnectorEntity,
  ConversationEntity,
  MessageEntity,
  PromiseEntity,
  ConversationEventEntity,
  RoutingRuleEntity,
  SlaPolicyEntity,
  NotificationEntity,
  TrainingExampleEntity,
  AuditEntryEntity,
];
