<#ftl encoding="UTF-8">
Introduction: meet ${introduction.otherContact}