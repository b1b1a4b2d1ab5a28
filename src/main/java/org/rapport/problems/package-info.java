/**
 * Customer problems from the help desk; opening and resolving fire ProblemOpened and ProblemResolved.
 */
package org.rapport.problems;
