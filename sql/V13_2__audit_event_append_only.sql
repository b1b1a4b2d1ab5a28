-- The database itself refuses to change or remove an audit row, whoever asks (the application has no such statement;
-- this stops a stray script or a compromised login of the application too). Each trigger body is one SIGNAL statement,
-- without BEGIN ... END, so Flyway needs no DELIMITER; MariaDB 10.11 and 11.4 and MySQL 8 accept it. With binary
-- logging on, creating a trigger needs SUPER or log_bin_trust_function_creators=1 (docs/operations.md).
-- TRUNCATE fires no trigger; it needs the DROP privilege, which a production login of the application need not have.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: an audit row is never updated';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: an audit row is never deleted';
