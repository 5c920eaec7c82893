/**
 * The PhoneNumbers resource as `effect/http-api` endpoints, derived from its declaration (`PhoneNumberResource`).
 *
 * @since 0.2.0
 */
import { PhoneNumberResource } from "../PhoneNumber.js"
import { collectionEndpoints, collectionGroup } from "./collection.js"

/**
 * The group of the four endpoints (`phoneNumbers`): `createPhoneNumber`, `listPhoneNumbers`, `fetchPhoneNumber`,
 * `deletePhoneNumber`, behind the account's credentials.
 *
 * @since 0.2.0
 */
export const PhoneNumbersGroup = collectionGroup(PhoneNumberResource, collectionEndpoints(PhoneNumberResource))
