import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { departmentsApi, usersApi } from '../api/endpoints.js';
import type { Department, User } from '../api/types.js';
import { useUser } from './session.js';

/** Departments and people, for names in lists and for the assign/transfer pickers. */
interface Directory {
  departments: Department[];
  /** The active colleagues (every signed-in user may read the directory). */
  users: User[];
  departmentName: (id: string | null | undefined) => string | null;
  userName: (id: string | null | undefined) => string | null;
  reload: () => void;
}

const DirectoryContext = createContext<Directory>({
  departments: [],
  users: [],
  departmentName: () => null,
  userName: () => null,
  reload: () => undefined,
});

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const me = useUser();
  const [departments, setDepartments] = useState<Department[]>([]);
  const [users, setUsers] = useState<User[]>([me]);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    departmentsApi
      .list()
      .then((list) => !cancelled && setDepartments(list))
      .catch(() => undefined);
    usersApi
      .directory()
      .then((list) => !cancelled && setUsers(list))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [me, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo<Directory>(() => {
    const deptById = new Map(departments.map((d) => [d.id, d.name]));
    const userById = new Map(users.map((u) => [u.id, u.name]));
    return {
      departments,
      users,
      departmentName: (id) => (id ? (deptById.get(id) ?? null) : null),
      userName: (id) => (id ? (userById.get(id) ?? null) : null),
      reload,
    };
  }, [departments, users, reload]);
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  return useContext(DirectoryContext);
}
