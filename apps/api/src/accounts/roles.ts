export { isRole, type Role, roleAtLeast, ROLES } from '@switchyard/contract';
