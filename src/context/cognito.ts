import type {
  AdminGetUserCommandOutput,
  AuthEventType,
  LogConfigurationType,
  UserPoolClientType,
  UserImportJobType,
  UserPoolType,
  UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AwsCaller } from '../aws/caller.js';
import { malformedAnswer, orUndefinedIfNotFound } from '../aws/errors.js';
import { readPages, streamPages, type StreamedPage } from '../aws/pages.js';

/** Cognito user-pool reads. Every method is one request, sent at most once per run. */
export class CognitoFacts {
  constructor(
    private readonly aws: AwsCaller,
    private readonly userPoolId: string,
    private readonly region: string,
  ) {}

  async pool(): Promise<UserPoolType> {
    const out = await this.aws.call('cognito-idp:DescribeUserPool', this.region, (m) => m.DescribeUserPoolCommand, {
      UserPoolId: this.userPoolId,
    });
    if (!out.UserPool?.Id)
      throw malformedAnswer('cognito-idp:DescribeUserPool', this.region, 'it carries no UserPool.Id');
    return out.UserPool;
  }

  /** The app client, or undefined when it does not exist in this pool and Region. */
  async appClient(clientId: string): Promise<UserPoolClientType | undefined> {
    const out = await orUndefinedIfNotFound(
      this.aws.call('cognito-idp:DescribeUserPoolClient', this.region, (m) => m.DescribeUserPoolClientCommand, {
        UserPoolId: this.userPoolId,
        ClientId: clientId,
      }),
    );
    return out?.UserPoolClient;
  }

  /** AdminGetUser accepts a username, a verified alias or a sub; undefined when nobody matches. */
  async adminGetUser(username: string): Promise<AdminGetUserCommandOutput | undefined> {
    const user = await orUndefinedIfNotFound(
      this.aws.call('cognito-idp:AdminGetUser', this.region, (m) => m.AdminGetUserCommand, {
        UserPoolId: this.userPoolId,
        Username: username,
      }),
    );
    if (user && !user.Username)
      throw malformedAnswer('cognito-idp:AdminGetUser', this.region, 'it carries no Username');
    return user;
  }

  /**
   * Users matching one ListUsers filter, e.g. `email = "jane@example.com"`, up to LIST_USERS_PAGES
   * pages: a value shared by more accounts than that is reported as truncated, not read to the end.
   */
  async listUsers(filter: string): Promise<UserList> {
    const read = await readPages(
      'cognito-idp:ListUsers',
      this.region,
      async (token) => {
        const out = await this.aws.call('cognito-idp:ListUsers', this.region, (m) => m.ListUsersCommand, {
          UserPoolId: this.userPoolId,
          Filter: filter,
          ...(token ? { PaginationToken: token } : {}),
        });
        return { items: out.Users ?? [], next: out.PaginationToken };
      },
      { maxPages: LIST_USERS_PAGES },
    );
    return { users: read.items, truncated: !read.complete };
  }

  /**
   * Every user of the pool, one ListUsers page (its largest, 60) at a time, at most `maxPages` pages and
   * unmemoised: the census classifies each page and drops it, so memory stays bounded by a page.
   */
  userPages(maxPages: number): AsyncGenerator<StreamedPage<UserType>> {
    return streamPages(
      'cognito-idp:ListUsers',
      this.region,
      async (token) => {
        const out = await this.aws.callUnshared('cognito-idp:ListUsers', this.region, (m) => m.ListUsersCommand, {
          UserPoolId: this.userPoolId,
          Limit: LIST_USERS_PAGE,
          ...(token ? { PaginationToken: token } : {}),
        });
        return { items: out.Users ?? [], next: out.PaginationToken };
      },
      maxPages,
    );
  }

  /** Where the pool exports its logs (`userNotification` errors, `userAuthEvents`); empty when nowhere. */
  async logConfigurations(): Promise<LogConfigurationType[]> {
    const out = await this.aws.call(
      'cognito-idp:GetLogDeliveryConfiguration',
      this.region,
      (m) => m.GetLogDeliveryConfigurationCommand,
      { UserPoolId: this.userPoolId },
    );
    return out.LogDeliveryConfiguration?.LogConfigurations ?? [];
  }

  /** The user's most recent authentication events (threat protection must be on), newest first. */
  async authEvents(username: string): Promise<AuthEventType[]> {
    const out = await this.aws.call(
      'cognito-idp:AdminListUserAuthEvents',
      this.region,
      (m) => m.AdminListUserAuthEventsCommand,
      { UserPoolId: this.userPoolId, Username: username, MaxResults: AUTH_EVENTS_PAGE },
    );
    return (out.AuthEvents ?? []).sort((a, b) => (b.CreationDate?.getTime() ?? 0) - (a.CreationDate?.getTime() ?? 0));
  }

  /** The pool's user import jobs (one page of up to 60): where RESET_REQUIRED users came from. */
  async userImportJobs(): Promise<UserImportJobType[]> {
    const out = await this.aws.call('cognito-idp:ListUserImportJobs', this.region, (m) => m.ListUserImportJobsCommand, {
      UserPoolId: this.userPoolId,
      MaxResults: 60,
    });
    return out.UserImportJobs ?? [];
  }
}

export interface UserList {
  users: UserType[];
  /** More users matched than were read. */
  truncated: boolean;
}

/** ListUsers returns up to 60 users a page: five pages are far more accounts than share one contact. */
export const LIST_USERS_PAGES = 5;

/** ListUsers' largest page. */
export const LIST_USERS_PAGE = 60;

/** AdminListUserAuthEvents' largest page: the most recent events are what a diagnosis needs. */
const AUTH_EVENTS_PAGE = 60;
