<#ftl encoding="UTF-8">
<#if introduction.reminder?has_content>Reminder: </#if>May I introduce you to someone, ${customer.preferredName}?