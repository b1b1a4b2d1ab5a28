<#ftl encoding="UTF-8">
Darf ich vorstellen: ${introduction.otherContact}