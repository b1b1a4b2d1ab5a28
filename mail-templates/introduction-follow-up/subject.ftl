<#ftl encoding="UTF-8">
Did you meet ${introduction.otherContact}, ${customer.preferredName}?