<#ftl encoding="UTF-8">
Haben Sie ${introduction.otherContact} getroffen?