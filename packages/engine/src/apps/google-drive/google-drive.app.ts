import type { AppDefinitionInput, AppFieldInput } from '../app-definition.schema';

const folder = {
  name: 'folderId',
  label: 'Folder',
  kind: 'dynamic-choice',
  options: {
    request: {
      method: 'GET',
      path: '/files',
      query: {
        q: "mimeType='application/vnd.google-apps.folder' and trashed=false",
        fields: 'nextPageToken,files(id,name)',
        pageSize: '100',
        pageToken: '{{ page }}',
      },
    },
    items: "body.files.{ 'label': name, 'value': id }",
    nextPage: 'body.nextPageToken',
  },
} satisfies AppFieldInput;

/** Google Drive API v3 (https://developers.google.com/workspace/drive/api/reference/rest/v3). */
export const googleDriveApp: AppDefinitionInput = {
  key: 'google-drive',
  name: 'Google Drive',
  description: 'Create folders, copy, share and find files in Google Drive.',
  category: 'storage',
  color: '#1fa463',
  docsUrl: 'https://developers.google.com/workspace/drive/api/reference/rest/v3/files',
  auth: {
    kind: 'oauth2',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    scopes: ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/userinfo.email'],
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
  },
  baseUrl: 'https://www.googleapis.com/drive/v3',
  identity: { request: { method: 'GET', path: '/about', query: { fields: 'user' } }, account: 'body.user.emailAddress' },
  response: { error: 'body.error.message' },
  actions: [
    {
      key: 'create-folder',
      label: 'Create a folder',
      description: 'Creates a folder, in a parent folder when one is chosen (files.create with the folder MIME type).',
      fields: [
        { name: 'name', label: 'Name', kind: 'text', required: true },
        { ...folder, label: 'Parent folder' },
      ],
      calls: [
        {
          id: 'create',
          method: 'POST',
          path: '/files',
          query: { fields: 'id,name,webViewLink' },
          body: "{ 'name': input.name, 'mimeType': 'application/vnd.google-apps.folder', 'parents': input.folderId ? [input.folderId] : undefined }",
        },
      ],
      output: "{ 'id': calls.create.body.id, 'name': calls.create.body.name, 'webViewLink': calls.create.body.webViewLink }",
    },
    {
      key: 'copy-file',
      label: 'Copy a file',
      description: 'Copies a file (a template document, say) under a new name and folder (files.copy).',
      fields: [
        { name: 'fileId', label: 'File id', kind: 'text', required: true },
        { name: 'name', label: 'Name of the copy', kind: 'text', required: true },
        { ...folder, label: 'Into folder' },
      ],
      calls: [
        {
          id: 'copy',
          method: 'POST',
          path: '/files/{{ input.fileId }}/copy',
          query: { fields: 'id,name,mimeType,webViewLink' },
          body: "{ 'name': input.name, 'parents': input.folderId ? [input.folderId] : undefined }",
        },
      ],
      output: "{ 'id': calls.copy.body.id, 'name': calls.copy.body.name, 'webViewLink': calls.copy.body.webViewLink }",
    },
    {
      key: 'share-file',
      label: 'Share a file',
      description: 'Gives a person access to a file or folder (permissions.create for a user).',
      fields: [
        { name: 'fileId', label: 'File or folder id', kind: 'text', required: true },
        { name: 'emailAddress', label: 'E-mail', kind: 'text', required: true },
        {
          name: 'role',
          label: 'Role',
          kind: 'choice',
          required: true,
          choices: [
            { label: 'Viewer', value: 'reader' },
            { label: 'Commenter', value: 'commenter' },
            { label: 'Editor', value: 'writer' },
          ],
        },
        { name: 'sendNotificationEmail', label: 'Notify by e-mail', kind: 'boolean' },
      ],
      calls: [
        {
          id: 'share',
          method: 'POST',
          path: '/files/{{ input.fileId }}/permissions',
          query: { sendNotificationEmail: "{{ input.sendNotificationEmail = true ? 'true' : 'false' }}" },
          body: "{ 'type': 'user', 'role': input.role, 'emailAddress': input.emailAddress }",
        },
      ],
      output: "{ 'id': calls.share.body.id, 'role': calls.share.body.role }",
    },
    {
      key: 'find-files',
      label: 'Find files by name',
      description: 'Lists files whose name contains a text, not in the trash, first 100 (files.list with q).',
      fields: [
        { name: 'name', label: 'Name contains', kind: 'text', required: true },
        { ...folder, label: 'In folder' },
      ],
      calls: [
        {
          id: 'list',
          method: 'GET',
          path: '/files',
          query: `{
            'q': "name contains '" & $replace($replace(input.name, '\\\\', '\\\\\\\\'), "'", "\\\\'") & "' and trashed=false" & (input.folderId ? " and '" & input.folderId & "' in parents" : ''),
            'fields': 'files(id,name,mimeType,webViewLink)',
            'pageSize': '100'
          }`,
        },
      ],
      output: "{ 'files': [calls.list.body.files] }",
    },
  ],
};
