import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/modules/users/user.entity.js';
import { api, login, type TestApp } from '../support/test-app.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

/** Creates a user through the real API and signs them in. */
export async function createUser(t: TestApp, role: Role, departmentIds: string[] = []): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@test.example`;
  const password = 'password-' + randomBytes(4).toString('hex');
  const res = await api(t)
    .post('/api/users')
    .send({ email, name: `Test ${role}`, password, role, departmentIds })
    .expect(201);
  return { id: res.body.id, email, password, token: await login(t, email, password) };
}
