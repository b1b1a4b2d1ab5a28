/**
 * The named domain exceptions every feature throws ({@link org.rapport.platform.errors.NotFound},
 * {@link org.rapport.platform.errors.NotAllowed}, {@link org.rapport.platform.errors.Conflict},
 * {@link org.rapport.platform.errors.InvalidInput}, {@link org.rapport.platform.errors.TooManyRequests});
 * {@code platform.web.ProblemMapper} is the one place that turns them into problem+json.
 */
package org.rapport.platform.errors;
