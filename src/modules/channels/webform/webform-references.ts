import { Injectable } from '@nestjs/common';
import { ConnectorsService } from '../../connectors/connectors.service.js';
import { DepartmentsRepository } from '../../departments/departments.repository.js';
import type { WebformSettings } from './webform-settings.js';

/**
 * Settings name a department and an email connector by id; either may be deleted later. These
 * checks run where they can be async (connection test, each post), not in validateSettings.
 */
@Injectable()
export class WebformReferences {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly connectors: ConnectorsService,
  ) {}

  async problems(settings: WebformSettings): Promise<string[]> {
    const problems: string[] = [];
    if (settings.defaultDepartmentId && !(await this.departmentExists(settings.defaultDepartmentId)))
      problems.push('defaultDepartmentId names no department (routing decides instead)');
    if (settings.replyConnectorId && (await this.connectorKind(settings.replyConnectorId)) !== 'email')
      problems.push('replyConnectorId names no email connector (the global SMTP_URL is used instead)');
    return problems;
  }

  async departmentExists(id: string): Promise<boolean> {
    return (await this.departments.findById(id)) !== null;
  }

  private async connectorKind(id: string): Promise<string | null> {
    try {
      return (await this.connectors.get(id)).kind;
    } catch {
      return null;
    }
  }
}
