/**
 * The REST application, problem+json errors, JSON settings and request body limits.
 */
package org.rapport.platform.web;
